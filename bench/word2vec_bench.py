"""Chapter 1's Word2Vec in gensim with DL4J's settings (bench/Word2VecBench.java): skip-gram, 50 numbers per word,
window 5, min count 5, 5 negative samples, sampling 1e-3, learning rate 0.05 falling to 1e-4, one worker per core,
on the sentences the Java bench wrote. Prints training words per second as JSON and writes the vectors in the
word2vec text format, which the Java bench scores with the chapter's measure. Arguments: epochs sentences.txt
vectors.txt. Needs gensim (Debian: python3-gensim)."""
import json
import os
import resource
import sys
import time

import gensim
from gensim.models import Word2Vec

epochs, sentences_file, vectors_file = int(sys.argv[1]), sys.argv[2], sys.argv[3]
with open(sentences_file, encoding="utf-8") as f:
    sentences = [line.split() for line in f if line.strip()]
words = sum(len(s) for s in sentences)
start = time.perf_counter()
model = Word2Vec(sentences, sg=1, vector_size=50, window=5, min_count=5, negative=5, hs=0, sample=1e-3,
                 alpha=0.05, min_alpha=1e-4, epochs=epochs, seed=42, workers=os.cpu_count())
seconds = time.perf_counter() - start
model.wv.save_word2vec_format(vectors_file)
print(json.dumps({"impl": "gensim " + gensim.__version__, "words_per_s": round(epochs * words / seconds),
                  "seconds": round(seconds, 1), "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
