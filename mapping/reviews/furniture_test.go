package reviews

import (
	"testing"
)

// TestFurniture pins the site's furniture (audit 18): advertising,
// sharing and social buttons, the link back up, prompts to sign in, links
// to more reviews and buttons to report a review are never a review's
// text, a review, a reviewer or a publication. "Lovely.\nAdvertisement"
// was a review's text, "3. Dec 16, 2019" / "Sign in to see more reviews" a
// review, and "Reviewed by: Sign in to view" a Person.
func TestFurniture(t *testing.T) {
	tests := []struct {
		name  string
		page  string
		facts []string
		notes []string
	}{
		{
			name: "buttons and links under a review's text",
			page: "Good - based on 3 Critics\n" +
				"  1. Reviewed by: Ingrid Solberg\n    Feb 3, 2021\n    Quietly devastating.\n    ADVERTISEMENT\n    Sponsored\n" +
				"  2. Reviewed by: Tomás Herrera\n    Feb 4, 2021\n    Overstuffed.\n    Share this review\n    Pinterest\n    Reddit\n    Copy link\n    Was this review helpful?\n    Report abuse\n" +
				"  3. Reviewed by: Wen Jie\n    Feb 5, 2021\n    A calm, exact film. Full Review »\n    Scroll to top\n    Load more reviews\n    Show all 14 critic reviews\n",
			facts: []string{
				`critic score=- verdict="Good" count=3 bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="Ingrid Solberg" pub="" score=- date=2021-02-03 body="Quietly devastating."`,
				`critic by="Tomás Herrera" pub="" score=- date=2021-02-04 body="Overstuffed."`,
				`critic by="Wen Jie" pub="" score=- date=2021-02-05 body="A calm, exact film."`,
			},
		},
		{
			name: "a prompt in a list's place is no review",
			page: "User Score\nUser score: 6.4\n" +
				"  1. 7\n    Mar 1, 2022\n    Fine. Full Review »\n" +
				"  2. Mar 2, 2022\n    Log in to read more reviews\n" +
				"  3. Register / Sign in\n  4. See more\n",
			facts: []string{
				`critic score=- verdict="" count=- bands=[]`,
				`user score=6.4(0..10) verdict="" count=- bands=[]`,
				`user by="" pub="" score=7(0..10) date=2022-03-01 body="Fine."`,
			},
			notes: []string{"6: numbered item with no author and no text; left out"},
		},
		{
			name: "a button or a prompt as the reviewer or the publication",
			page: "Good - based on 3 Critics\n" +
				"  1. Reviewed by: Log in to view\n    Publication: The Marsh Review\n    Apr 1, 2019\n    One.\n" +
				"  2. Reviewed by: Facebook\n    Apr 2, 2019\n    Two.\n" +
				"  3. Reviewed by: Odile Brun\n    Publication: Advertisement\n    Apr 3, 2019\n    Three.\n",
			facts: []string{
				`critic score=- verdict="Good" count=3 bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="" pub="The Marsh Review" score=- date=2019-04-01 body="One."`,
				`critic by="" pub="" score=- date=2019-04-02 body="Two."`,
				`critic by="Odile Brun" pub="" score=- date=2019-04-03 body="Three."`,
			},
			notes: []string{
				`2: reviewer "Log in to view" is the site's button or prompt, not a name; left out; the review's author is its publication, "The Marsh Review"`,
				`6: reviewer "Facebook" is the site's button or prompt, not a name; left out; the review has no author`,
				`10: publication "Advertisement" is the site's button or prompt, not a publication; left out`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkPage(t, tt.page, tt.facts, tt.notes) })
	}
}

// TestFurnitureLines pins which lines are the site's furniture and which,
// alike in words, are a review's text.
func TestFurnitureLines(t *testing.T) {
	for _, l := range []string{
		"Sign In", "SIGN UP", "Log in to see all 30 user reviews", "Sign in to rate", "Login / Register", "Subscribe to read",
		"See more reviews", "More reviews", "Load more", "View all 12 user reviews", "Read all reviews",
		"Share", "Share this review", "Twitter", "Copy link", "Back to top", "Advertisement", "Report this review", "Flag as inappropriate",
		"Metacritic logo", "All Reviews", "Negative Reviews",
	} {
		if c := classify(l); c.class != boilerplateLine {
			t.Errorf("classify(%q) = %v; want the site's furniture", l, c.class)
		}
	}
	for k := range footerLinks {
		if c := classify(title(k)); c.class != footerLine {
			t.Errorf("classify(%q) = %v; want the site's footer", title(k), c.class)
		}
	}
	for _, l := range []string{
		"Sign in the rain", "Registered nurse by day", "All the more", "More than a thriller", "See it twice", "Sharing a flat",
		"Critic Reviews", "User Reviews (12)",
	} {
		if c := classify(l); c.class == boilerplateLine {
			t.Errorf("classify(%q) = boilerplate; want what the line says", l)
		}
	}
}
