"""The test suite: a package, so that "tests" here wins over any other "tests" installed
beside the dependencies (garmin-fit-sdk ships one)."""
