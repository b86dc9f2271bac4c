package pipeline_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/pipeline"
	"github.com/film2ld/film2ld/schemas"
)

// partsPage writes a review aggregator's page of n critic reviews and the
// film's article beside it: reviewers recur, one of them is the film's
// director, some reviews name no reviewer; the cast has an actor in two
// parts, a voice, a critic, the director as himself and a part with a
// description, so that the parts share people.
func partsPage(t *testing.T, n int) []string {
	t.Helper()
	dir := t.TempDir()
	var b strings.Builder
	fmt.Fprintf(&b, "Metascore\nGenerally favorable reviews\nBased on %d Critic Reviews\n71\n\nCritic Reviews\n", n)
	critics := []string{"Ada Lind", "Bruno Kessler", "Carla Moreau", "Olivier Masset-Depasse", "Dana Whitfield"}
	for i := range n {
		fmt.Fprintf(&b, "  %d. %d\n    Outlet %d Review\n", i+1, 40+i*7%60, i%3)
		if i%5 != 4 {
			fmt.Fprintf(&b, "    %s\n", critics[i*3%len(critics)])
		}
		fmt.Fprintf(&b, "    Apr %d, 2019\n    Review %d: a patient film, in the end overwhelming.\n    Read full review\n", i%28+1, i)
	}
	article := "= Parts Film (2019 film) =\n\nParts Film\n- Director: Olivier Masset-Depasse\n- Starring: Ada Lind, Emil Varga\n- Runtime: 95 minutes\n- Country: Belgium\n\n" +
		"Parts Film is a 2019 Belgian drama film directed by Olivier Masset-Depasse.\n\n==Cast==\n- Ada Lind as Tania\n- Emil Varga as Ivan\n" +
		"- Emil Varga as the Guard\n- Carla Moreau (voice)\n- Olivier Masset-Depasse as himself\n- Fiona Grey as Zina, Tania's friend\n- Gil Ortega\n"
	paths := []string{filepath.Join(dir, "reviews.txt"), filepath.Join(dir, "encyclopedia.txt")}
	for i, text := range []string{b.String(), article} {
		if err := os.WriteFile(paths[i], []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return paths
}

// TestCheckInPartsMatchesWhole: Job.Check's findings for a film checked a
// part at a time (CheckPart lowered to 1, 2 and 3 reviews and parts of
// the cast) are those of
// its whole graph, with both profiles and with a page URL (off-site
// reviews left out), for every sample and test film and a generated page
// whose reviewers recur across parts and include the film's director.
func TestCheckInPartsMatchesWhole(t *testing.T) {
	sets := films(t)
	sets["generated"] = partsPage(t, 23)
	defer func(n int) { pipeline.CheckPart = n }(pipeline.CheckPart)
	parted := 0
	for name, files := range sets {
		for _, pageURL := range []string{"", "https://cinema.example/films/parts"} {
			for _, prof := range []schemas.Profile{schemas.Google, schemas.SchemaOrg} {
				check := func(part int, whole bool) (string, int) {
					pipeline.CheckPart = part
					job, film := mergeFilm(t, pipeline.FilmOptions(pageURL), files)
					if name == "generated" {
						// A fault in every person and part, so that a
						// part's people and cast must all be checked.
						for i, a := range film.Agents {
							a.SetURL(fmt.Sprintf("not a URL %d", i))
						}
						for i := range film.Cast {
							film.Cast[i].SetDescription(strings.Repeat("x", i%3))
						}
					}
					g, fs, err := job.Check(film, name, prof, nil, whole)
					if err != nil {
						t.Fatal(err)
					}
					if whole && g == nil {
						t.Fatalf("%s: checked whole, without the graph", name)
					}
					var b strings.Builder
					for _, f := range fs {
						fmt.Fprintf(&b, "%s\n", f)
					}
					return b.String(), max(len(film.Reviews), len(film.Cast))
				}
				want, reviews := check(1<<30, true)
				for _, part := range []int{1, 2, 3} {
					got, _ := check(part, false)
					if got != want {
						t.Errorf("%s (%s, %q), parts of %d: got\n%s\nwant\n%s", name, prof, pageURL, part, got, want)
					}
					if reviews > part {
						parted++
					}
				}
			}
		}
	}
	if parted == 0 {
		t.Error("no film was checked in parts")
	}
}
