"""Connection: the circle of people, nudges that prompt human contact, reminders."""
