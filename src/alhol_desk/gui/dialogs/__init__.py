"""Dialogs: the first-run wizard and the small questions the window asks."""
