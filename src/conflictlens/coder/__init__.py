"""The event coder: finds mentions in sentences and builds event records from them."""
