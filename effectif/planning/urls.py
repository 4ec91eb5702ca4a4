app_name = "planning"

urlpatterns: list = []  # filled as the app grows
