from django.urls import path

from . import views


urlpatterns = [
    path("request/", views.appointment_request_view, name="appointment_request"),
    path("request/sent/", views.appointment_request_sent_view, name="appointment_request_sent"),
]
