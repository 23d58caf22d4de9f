"""Menu actions that the main window adds to its menus, each group with narrow dependencies."""
