//go:build !race

package lazyre_test

const raceDetector = false
