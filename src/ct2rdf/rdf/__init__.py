"""RDF stages: facts → graph, labels, namespaces, Turtle, validation and its report."""
