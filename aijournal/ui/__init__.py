"""The desktop app: Qt widgets only. Start it with `aijournal.ui.app.run`."""
