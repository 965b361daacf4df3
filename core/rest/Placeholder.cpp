namespace signoff { int restPlaceholder = 0; }
