//go:build race

package main

// raceDetector tells whether the tests run under the race detector, whose
// shadow memory a child process's peak resident size would include.
const raceDetector = true
