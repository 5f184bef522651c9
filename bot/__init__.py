"""Answers questions about the Battle of Ber (2013) with the article's own sentences."""
