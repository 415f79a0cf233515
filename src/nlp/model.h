/* model.h - Khabar's binary model file (tagger and parser weights).
 *
 * Layout (all integers little-endian):
 *   offset 0   char magic[8] = "KHABARMD"
 *   offset 8   u32 version (KBI_MODEL_VERSION)
 *   offset 12  u32 nsections
 *   offset 16  nsections x { char name[24] (NUL-padded); u64 offset;
 *                            u64 size }
 *   sections   each starts at an offset that is a multiple of 64
 * The file is mapped read-only (mmap) and never copied: a section is a
 * pointer into the mapping, so loading is O(1) in the model size and the
 * weights are shared by every thread. Every offset and size is checked
 * against the file size on open; a truncated or corrupt file gives a
 * clear error, never a crash. */
#ifndef KB_MODEL_H
#define KB_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "khabar.h"

#define KBI_MODEL_MAGIC "KHABARMD"
#define KBI_MODEL_VERSION 1u

typedef struct kbi_model kbi_model;

/* Maps and checks a model file. Caller closes with kbi_model_close. */
kb_status kbi_model_open(const char *path, kbi_model **out, kb_error *err);
/* Same over memory the caller keeps alive (tests, fuzzing). */
kb_status kbi_model_open_mem(const void *data, size_t size, const char *name,
                             kbi_model **out, kb_error *err);
void kbi_model_close(kbi_model *m);
/* Pointer to section `name` (64-byte aligned) and its size, or NULL. */
const void *kbi_model_section(const kbi_model *m, const char *name,
                              size_t *size);

/* Writing (training tools): collect sections, then save atomically. */
typedef struct kbi_model_writer kbi_model_writer;
kbi_model_writer *kbi_model_writer_new(void);
/* Copies data. Returns KB_ERR_NOMEM or KB_ERR_INVALID (name too long,
 * duplicate). */
kb_status kbi_model_writer_add(kbi_model_writer *w, const char *name,
                               const void *data, size_t size);
kb_status kbi_model_writer_save(kbi_model_writer *w, const char *path,
                                kb_error *err);
void kbi_model_writer_free(kbi_model_writer *w);

#endif
