"""Cases: a client's piece of work with the centre, from opening to closing."""
