"""The main window's views, one module each; thin: they show use cases' results."""
