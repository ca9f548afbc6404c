"""What the commands print: scorecards, listings, roadmaps and explanations."""
