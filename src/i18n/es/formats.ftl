## Why a file could not be imported or read: the exchange formats (src/formats) and the document readers (src/extract).
