## The assignment a teacher hands out, and what a student sees of it (issue 22).
