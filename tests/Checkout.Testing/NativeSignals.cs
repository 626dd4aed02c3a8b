using System.Runtime.InteropServices;

namespace Checkout.Testing;

/// <summary>POSIX signals for child processes: .NET's Process.Kill only sends SIGKILL, which gives a process no chance
/// to flush (Azurite saves its metadata on SIGTERM).</summary>
internal static partial class NativeSignals
{
    private const int SigTerm = 15;

    public static bool Terminate(int processId) => Kill(processId, SigTerm) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
