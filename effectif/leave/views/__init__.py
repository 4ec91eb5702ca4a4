"""Pages of the leave app: requests and decisions (`requests`), balances and HR's management
(`management`)."""
