## Messages of the core and the browser shell: notices, saving and storage, opening files, documents, field limits, codes, waiting annotations.
