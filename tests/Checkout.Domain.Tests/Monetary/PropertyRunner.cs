using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace Checkout.Domain.Tests.Monetary;

/// <summary>Runs FsCheck properties from plain xunit facts (there is no FsCheck.Xunit package here): a fixed seed so a
/// failure reproduces on every machine, and enough cases to reach the corners of the generators.</summary>
internal static class PropertyRunner
{
    public const int Cases = 2_000;

    private static readonly Config Config = Config.QuickThrowOnFailure
        .WithMaxTest(Cases)
        .WithQuietOnSuccess(true)
        .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(20261122UL), FSharpOption<int>.None)));

    public static void ForAll<T>(Gen<T> generator, Action<T> property) =>
        Check.One(Config, Prop.ForAll(generator.ToArbitrary(), property));
}
