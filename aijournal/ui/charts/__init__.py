"""Charts drawn with pyqtgraph (views) and QPainter (printed summaries)."""
