"""PDF rendering with Qt; the one part of ui the CLI may import."""
