//! Process-wide allocator settings for inference. Each forward pass allocates a few large activation buffers; by
//! default glibc hands such blocks back to the kernel when they are freed, so the next batch page-faults and the
//! kernel zeroes the pages again (about 14 % of CPU time in the int8 profile, docs/benchmarks.md).

/// Keeps freed memory in the process for reuse: no mmap for blocks under 256 MiB and no trimming of the heap.
/// Resident memory then stays at its peak, which the batch limits bound. A no-op outside glibc.
pub fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes allocator parameters; it is called before inference threads allocate, and
    // glibc serialises it against concurrent allocation anyway.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 256 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, i32::MAX);
    }
}
