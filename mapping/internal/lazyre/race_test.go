//go:build race

package lazyre_test

// raceDetector is whether the race detector is on: regexp's pool of
// matchers loses items under it, and a match then allocates.
const raceDetector = true
