using System.Runtime.InteropServices;

namespace TrustFund.Web.Hosting;

/// <summary>
/// Caps the number of glibc malloc arenas. By default glibc gives a thread that meets contention its own
/// arena, up to eight per core, and each arena keeps the memory freed into it. Under load the native
/// allocations of the runtime, the JIT, OpenSSL (every cookie read) and SQLite spread over ten or more
/// arenas that together held about 60 MB, most of it free. Two arenas hold the same allocations in far
/// less. A <c>MALLOC_ARENA_MAX</c> set in the environment wins: glibc has already applied it.
/// </summary>
internal static class NativeHeap
{
    /// <summary>Arenas allowed: one more than glibc's main arena, for the worker threads.</summary>
    public const int Arenas = 2;

    /// <summary>M_ARENA_MAX in glibc's malloc.h.</summary>
    private const int ArenaMaxParameter = -8;

    /// <summary>Applies the cap; returns whether it was applied (Linux with glibc, no setting in the environment).</summary>
    public static bool LimitArenas()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null)
        {
            return false;
        }

        try
        {
            return Mallopt(ArenaMaxParameter, Arenas) == 1;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            // A C library without mallopt (musl): nothing to cap.
            return false;
        }
    }

    // A plain DllImport: two ints need no marshalling, and LibraryImport would need unsafe code in the project.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "mallopt")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Mallopt(int parameter, int value);
#pragma warning restore SYSLIB1054
}
