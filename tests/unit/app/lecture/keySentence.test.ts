import { describe, expect, it } from 'vitest';
import { chooseKeySentence, isLeadIn, sentenceEnds, type ParagraphSentences, type Sentence } from '../../../../src/app/lecture/keySentence';

/** A sentence as paragraphSentences would give it; `$…$` stands for typeset math (not prose). */
function sentence(text: string, terminated = /[.!?]$/.test(text.trim())): Sentence {
  return { html: text, text: text.replace(/\$/g, ''), prose: text.replace(/\$[^$]*\$/g, ''), terminated };
}
function paragraph(sentences: string[], where: Partial<Omit<ParagraphSentences, 'sentences'>> = {}): ParagraphSentences {
  return { sentences: sentences.map((t) => sentence(t)), beforeEquation: false, afterEquation: false, ...where };
}

describe('sentenceEnds', () => {
  it('ends sentences at full stops, question and exclamation marks followed by a space or the end', () => {
    const t = 'The score is the gradient of the log-density. Why does the gradient of a density matter here? Because it is all that a sampler ever needs to know!';
    expect(sentenceEnds(t, 0)).toEqual([45, 93, t.length]);
  });
  it('skips abbreviations and initials', () => {
    const t = 'As Eq. 3 shows, the energy falls, i.e. the particle settles, cf. Hopfield (J. J. Hopfield, 1982).';
    expect(sentenceEnds(t, 0)).toEqual([t.length]);
  });
  it('keeps a short lead-in such as a bold label joined to the sentence after it', () => {
    const t = 'Particle. A point x that moves on the landscape, pushed by the force.';
    expect(sentenceEnds(t, 0)).toEqual([t.length]);
    // Text seen before (earlier in the paragraph) counts towards the sentence's length.
    expect(sentenceEnds('x moves.', 40)).toEqual([8]);
  });
  it('does not split at a decimal point', () => {
    expect(sentenceEnds('At temperature 0.5 the walkers gather in the two valleys of the energy.', 0)).toEqual([71]);
  });
});

describe('isLeadIn', () => {
  const alone = { beforeEquation: false, afterEquation: false };
  const only = { first: true, last: true };
  it('a sentence ending with a colon introduces what follows', () => {
    expect(isLeadIn(sentence('Take the logarithm of Eq. 1 and differentiate with respect to $x$:', false), only, { ...alone, beforeEquation: true })).toBe(true);
    expect(isLeadIn(sentence('There are two ways to read a landscape: as energy, or as probability:', false), only, alone)).toBe(true);
  });
  it('words that run on into a display equation are not a sentence', () => {
    expect(isLeadIn(sentence('The update of a modern Hopfield network is', false), only, { ...alone, beforeEquation: true })).toBe(true);
  });
  it('a sentence that continues the equation before it does not stand alone', () => {
    expect(isLeadIn(sentence('where $\\beta$ is the inverse temperature and $Z$ the partition function.'), only, { ...alone, afterEquation: true })).toBe(true);
  });
  it('a full sentence stands alone, also when it starts with math or sits next to an equation', () => {
    expect(isLeadIn(sentence('The score is the force of the energy, with no partition function in sight.'), only, alone)).toBe(false);
    expect(isLeadIn(sentence('$Z$ is a single number that does not depend on $x$, so its gradient is zero.'), only, { ...alone, afterEquation: true })).toBe(false);
    expect(isLeadIn(sentence('Diffusion models learn this score from noisy copies of the data.'), { first: true, last: false }, { ...alone, beforeEquation: true })).toBe(false);
  });
});

describe('chooseKeySentence', () => {
  it('takes the first sentence when it stands alone', () => {
    expect(chooseKeySentence([paragraph(['An associative memory stores patterns as valleys of an energy.', 'It recalls by descent.'])])).toBe(
      'An associative memory stores patterns as valleys of an energy.',
    );
  });
  it('skips a lead-in to an equation for the next full sentence (issue 17: "…differentiate with respect to x:")', () => {
    const section = [
      paragraph(['Take the logarithm of Eq. 1 and differentiate with respect to $x$:'], { beforeEquation: true }),
      paragraph(['The last step is the whole trick. $Z$ is a single number that does not depend on $x$, so its gradient is zero.', 'The score is the force.'], {
        afterEquation: true,
      }),
    ];
    expect(chooseKeySentence(section)).toBe('The last step is the whole trick. $Z$ is a single number that does not depend on $x$, so its gradient is zero.');
  });
  it('skips a continuation after an equation, and a paragraph that is all lead-ins', () => {
    const section = [
      paragraph(['In one line:'], { beforeEquation: true }),
      paragraph(['where $\\sigma$ is the noise level of the sample.', 'Each noise level has its own landscape, smoother as it grows.'], { afterEquation: true }),
    ];
    expect(chooseKeySentence(section)).toBe('Each noise level has its own landscape, smoother as it grows.');
  });
  it('falls back to the first sentence when none stands alone, and to nothing for an empty section', () => {
    expect(chooseKeySentence([paragraph(['Differentiate:'], { beforeEquation: true })])).toBe('Differentiate:');
    expect(chooseKeySentence([])).toBe('');
  });
});
