"""One router per resource; each operation fetches and authorises through the selectors, then
calls one service."""
