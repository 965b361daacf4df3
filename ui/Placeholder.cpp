namespace signoff { int uiPlaceholder = 0; }
