using HomalgNN.Tests.Data.Fixtures;

namespace HomalgNN.Tests.Cli;

/// <summary>A malformed flag is a usage error (exit 2, one line) for sweep exactly as for train.</summary>
[Collection(ConsoleCollection.Name)]
public class SweepCommandErrorTests
{
    [Theory]
    [InlineData("train")]
    [InlineData("sweep")]
    public void LambdaThatIsNotANumber_IsAUsageError(string command) =>
        CliCapture.Run(command, "--lambda", "0.1,abc", "--dataset", "mnist-10k").AssertOneLineError("--lambda must be a number, got", exitCode: 2);

    [Fact]
    public void SweepWithANegativeLambdaInItsList_IsAUsageError() =>
        CliCapture.Run("sweep", "--lambda", "0.1,-1", "--dataset", "mnist-10k").AssertOneLineError("lambda", exitCode: 2);
}
