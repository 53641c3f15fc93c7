/* perceptron.h - an averaged multiclass perceptron over hashed sparse
 * features with integer weights, shared by the tagger and the parser. The
 * training form (nb_ptrain) learns and freezes into the inference form
 * (nb_pmodel) that the model file stores; the owner of each frees it with its
 * _free function. */
#ifndef NB_PERCEPTRON_H
#define NB_PERCEPTRON_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* Most classes a model may have: a class is stored in one byte. */
#define NB_PMAX_CLASSES 256

/* Feature keys: a template number and up to three atoms, mixed to 64 bits.
 * Key 0 is reserved for empty hash slots. */
static inline uint64_t nb_fmix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}
/* One mixing round over a sum of the parts, each with its own odd
 * multiplier: the parts are hashes or small numbers, so no two feature
 * tuples a model meets sum alike, and one round (not one per part) is a
 * measurable share of tagging and parsing time. */
static inline uint64_t nb_feat(uint64_t tmpl, uint64_t a, uint64_t b, uint64_t c)
{
    uint64_t h = nb_fmix(tmpl * 0x9e3779b97f4a7c15ULL + a * 0xbf58476d1ce4e5b9ULL + b * 0x94d049bb133111ebULL +
                         c * 0xd6e8feb86659fd93ULL);
    return h ? h : 1;
}

/* Inference form, laid out as the model file stores it so that loading is
 * a check, not a rebuild: an open-addressed table of 8-byte slots (low key
 * bits place a feature, 32 high bits identify it) pointing into an array of
 * bytes holding each feature's run: a byte with its count of weights, that
 * many class bytes, then the 16-bit weights (little-endian, unaligned: no
 * padding). A key's home is a bucket of NB_PBUCKET slots (one cache line),
 * its low 32 bits scaled to the number of buckets (multiply-shift), so any
 * table size works and none is rounded up to a power of two.
 *
 * A feature with weights for many classes (the frequent ones, which make
 * most of the additions) is instead a dense row of weights, one per class
 * padded to nb_pstride, added with vector instructions: its slot's offset
 * has NB_PDENSE set and the rest is the row's index.
 *
 * A feature with one weight, or with two opposite ones (a rare feature,
 * updated once: +w for the right class, -w for the wrong one, which is
 * most features of a model that keeps them all), holds them in its slot
 * (NB_PINLINE): no run, no second memory access. Without NB_PPAIR: class
 * in bits 16-23, weight in bits 0-15; with it: classes in bits 22-28 and
 * 15-21, the first's weight in bits 0-14 (two's complement), the second's
 * its negation.
 *
 * The tables may point into storage the model does not own (a mapped file);
 * own_* is what nb_pmodel_free releases. */
typedef struct {
    uint32_t fp;   /* 0: empty */
    uint32_t off;  /* unit offset of the run, NB_PDENSE | row, or NB_PINLINE | weights */
} nb_pslot;

#define NB_PDENSE 0x80000000u
#define NB_PINLINE 0x40000000u
#define NB_PPAIR 0x20000000u
/* Slots per bucket: a cache line. */
#define NB_PBUCKET 8

typedef struct {
    int n_classes;
    const nb_pslot *slots;
    size_t n_slots;        /* a multiple of NB_PBUCKET, at most 3/4 full */
    const uint8_t *runs;
    size_t n_runs, n_feats; /* n_runs: bytes */
    const int16_t *dense;  /* n_dense rows of nb_pstride(n_classes) weights */
    size_t n_dense;
    /* Optional (nb_pmodel_index): a Bloom filter of the slots' fingerprints,
     * 2^(32 - bloom_shift) words, small enough to stay in cache, so that a
     * feature the model lacks (a fifth of them) costs no miss in the table. */
    const uint64_t *bloom;
    unsigned bloom_shift;
    void *own_slots, *own_runs, *own_dense, *own_bloom;
} nb_pmodel;

/* Classes of a dense row, padded for 16-byte vectors. */
static inline size_t nb_pstride(int n_classes) { return ((size_t)n_classes + 7) & ~(size_t)7; }
/* Most weights a run holds (its count is a byte); features with more are
 * dense rows. */
#define NB_PRUN_COUNT 0x7f
/* Bytes of a run of count weights. */
static inline size_t nb_prun_len(size_t count) { return 1 + 3 * count; }

/* Weights are scaled by 100 and stored in 16 bits. */
#define NB_PWEIGHT_MAX INT16_MAX

static inline uint32_t nb_pfp(uint64_t key) { return (uint32_t)(key >> 32) | 1u; }

/* Adds the weights of feats[0..n) to scores[0..n_classes) (not cleared). */
void nb_pmodel_score(const nb_pmodel *m, const uint64_t *feats, size_t n, int32_t *scores);
/* Builds an owned table from features sorted by key: feature i has counts[i]
 * packed pairs (weight + 2^23 above a class byte, weights within
 * NB_PWEIGHT_MAX), consecutive in pairs. */
void nb_pmodel_build(nb_pmodel *m, int n_classes, const uint64_t *keys, const uint32_t *counts,
                     size_t n_feats, const uint32_t *pairs);
/* Builds m's Bloom filter (owned by m); scoring gives the same sums with or
 * without it. */
void nb_pmodel_index(nb_pmodel *m);
/* Checks a table read from a file: every slot's run inside words, every
 * class (of runs and inline weights) below n_classes, at least one empty
 * slot. */
bool nb_pmodel_valid(const nb_pmodel *m);
/* Copies in to out without the weights whose magnitude is below min_abs. */
void nb_pmodel_prune(const nb_pmodel *in, nb_pmodel *out, int32_t min_abs);
void nb_pmodel_free(nb_pmodel *m);

/* Training form. Scores use the current weights; nb_ptrain_freeze turns the
 * running averages into integer weights scaled by 100. */
typedef struct nb_ptrain nb_ptrain;

nb_ptrain *nb_ptrain_new(int n_classes);
void nb_ptrain_free(nb_ptrain *t);
void nb_ptrain_score(const nb_ptrain *t, const uint64_t *feats, size_t n, int32_t *scores);
/* Rewards truth and penalises guess on feats (nothing when they agree). */
void nb_ptrain_update(nb_ptrain *t, const uint64_t *feats, size_t n, int truth, int guess);
/* Counts one training example (the averaging clock). */
void nb_ptrain_tick(nb_ptrain *t);
/* Adds b's weights and sums to a (trained on the same examples, so the
 * same clock): a then freezes to the mean of the two averaged models. */
void nb_ptrain_add(nb_ptrain *a, const nb_ptrain *b);
/* Freezes the averaged weights into m, dropping weights whose magnitude is
 * below min_abs (in scaled units) and features that took part in fewer than
 * min_updates updates (rare features: noise that costs memory and time). */
void nb_ptrain_freeze(const nb_ptrain *t, nb_pmodel *m, int32_t min_abs, uint32_t min_updates);

#endif
