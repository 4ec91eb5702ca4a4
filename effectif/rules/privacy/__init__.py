"""Personal data: when retention ends, when a data subject must be answered."""
