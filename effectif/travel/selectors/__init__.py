"""The reads of business travel, by topic: the scope of each user (`scope`), trips, expense
reports and their payments."""
