// Every page of the site, as the bench visits it (hash routes under the site's root).
const CHAPTER_SLUGS = ['why', 'rnn', 'linear-attention', 'write-read', 'capacity', 'retnet', 'gates', 'finer-gates', 'deltanet', 'mamba', 'where-they-stand'];

export const PAGES = ['?lang=en#/', '?lang=en#/playground', '?lang=en#/lab', ...CHAPTER_SLUGS.map((s) => `?lang=en#/chapter/${s}`)];
/** --quick: the two chapters the table names. */
export const QUICK_PAGES = ['?lang=en#/chapter/linear-attention', '?lang=en#/chapter/mamba'];
