// Verdicts shaped as POST /api/v1/check answers them (see vera-server's openapi.json), some with
// markup where an article's words would be.
export const EVIL = '<img src=x onerror="globalThis.pwned=1"><script>globalThis.pwned=2</script>&amp;<b>bold</b>';

export function article(over = {}) {
  return {
    title: 'Mayor <b>denies</b> report',
    text: 'The mayor denied the report on Monday. Sources say the deal is off.\n\nShocking claims spread online.',
    date: '2024-03-12',
    url: 'https://news.example/mayor',
    publisher: 'News <i>Example</i>',
    domain: 'news.example',
    ...over
  };
}

const TEXT = article().text;
const span = (s) => [TEXT.indexOf(s), TEXT.indexOf(s) + s.length];

export function verdict(over = {}) {
  return {
    id: null,
    label: 'fake',
    probability_fake: 0.8123,
    text_probability_fake: 0.8123,
    threshold: 0.3616,
    used_source: false,
    base_rate: 0.2875,
    applicability: { score: 0.12, outside_experience: false, similarity: 0.41 },
    source: { domain: 'news.example', basis: 'training', fake_rate: 0.4, training_articles: 12, ratings: {}, rated_domain: null },
    reasons: [
      { kind: 'phrase', part: 'body', text: 'shocking', weight: 0.42, direction: 'fake', spans: [span('Shocking')] },
      { kind: 'phrase', part: 'body', text: 'sources say', weight: 0.3, direction: 'fake', spans: [span('Sources say')] },
      { kind: 'phrase', part: 'title', text: 'denies', weight: -0.2, direction: 'real', spans: [[9, 15]] },
      { kind: 'phrase', part: 'body', text: 'the', weight: 0.01, direction: 'fake', spans: [[0, 3]] },
      { kind: 'neighbours', text: 'neighbours', weight: 0.1, k: 10, fake: 6, nearest: [] }
    ],
    sentences: [
      { text: 'Sources say the deal is off.', start: span('Sources say the deal is off.')[0], end: span('Sources say the deal is off.')[1], delta_probability_fake: 0.12 },
      { text: 'The mayor denied the report on Monday.', start: 0, end: 38, delta_probability_fake: -0.03 }
    ],
    style: [],
    model_id: 'vera-fast-test',
    ...over
  };
}
