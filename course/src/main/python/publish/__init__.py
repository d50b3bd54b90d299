"""Publishing the course: runs the chapters through the course kernel (reusing an executed copy while the chapter
and the library are unchanged), then writes them as a static site and as reveal.js slide decks that work offline.
Used by `bin/course site` and `bin/course slides NN`."""
