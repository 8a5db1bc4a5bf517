## The classroom: Compare's files, per-student scores, agreement (issue 22).
