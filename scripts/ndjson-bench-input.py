#!/usr/bin/env python3
"""Writes the ndjson bench's input (benches/benches/ndjson.rs, `generate`) to
standard output, so that the release binary can be timed on the same lines:

    python3 scripts/ndjson-bench-input.py 1000000 > /tmp/bench.ndjson   # 244 MB

Every fourth line is invalid (lines 3 and 7 of each eight, 1-based)."""
import sys

lines = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
out = sys.stdout
for i in range(lines):
    r = i % 8
    if r == 2:
        line = ('{"name":"","code":"finance_exports_%d","bucketName":"acme-billing-%d",'
                '"iamRoleArn":"arn:aws:iam::922609978421:role/IAMRole%d","destinationType":"S3",'
                '"prefix":"m3ter/exports/","partitionOrder":"TYPE_FIRST"}') % (i, i, i)
    elif r == 6:
        line = ('{"name":"Finance exports %d","code":"%s","bucketName":"acme-billing-exports",'
                '"iamRoleArn":"arn:aws:iam::role/IAMRole636","version":%d,'
                '"partitionOrder":"TIME_FIRST"}') % (i, "c" * 81, i)
    else:
        line = ('{"name":"Finance exports %d","code":"finance_exports_%d","bucketName":"acme-billing-%d",'
                '"iamRoleArn":"arn:aws:iam::922609978421:role/IAMRole%d","destinationType":"%s",'
                '"prefix":"m3ter/exports/%d/","partitionOrder":"TYPE_FIRST"}') % (
                    i, i, i, i, "S3" if i % 2 == 0 else "GCS", i)
    out.write(line)
    out.write("\n")
