## The main views: top bar, library, reader, palette, editing tab, tag chips, notices, waiting annotations, file buttons.
