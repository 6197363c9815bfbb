"""
The demo's cervical epidural injection, in both languages (the `spanish` fixture is its Spanish
page): its address in each, for the tests of the site in English and in Spanish.
"""

SPANISH = "/es/procedimientos/inyeccion-epidural-cervical/"
ENGLISH = "/procedures/cervical-epidural-injection/"
