"""Growth: skills and goals, learning with AI and from people, the portfolio."""
