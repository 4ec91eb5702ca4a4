app_name = "timekeeping"

urlpatterns: list = []  # filled as the app grows
