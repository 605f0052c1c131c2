//go:build race

package web_test

// raceDetector is true when the tests run under -race, where a test whose
// subject no data race can touch (the markup checks) runs in the plain pass.
const raceDetector = true
