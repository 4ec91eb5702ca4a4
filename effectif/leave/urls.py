app_name = "leave"

urlpatterns: list = []  # filled as the app grows
