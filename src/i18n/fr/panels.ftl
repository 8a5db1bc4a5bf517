## The side panels: annotation list, codebook, Compare, suggestions, Export.
