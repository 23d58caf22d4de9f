"""Qt item models over ids; rows are read from the core a page at a time."""
