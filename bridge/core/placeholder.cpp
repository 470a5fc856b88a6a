// TEMPORARY: replaced by the bridge service sources during integration.
