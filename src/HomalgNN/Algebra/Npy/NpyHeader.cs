using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace HomalgNN.Algebra.Npy;

/// <summary>The dictionary at the start of a .npy file: {'descr': ..., 'fortran_order': ..., 'shape': (...), }.</summary>
internal sealed record NpyHeader(string Descr, bool FortranOrder, int[] Shape)
{
    /// <summary>Parses the header text (a Python dict literal); faults throw FormatException with the detail.</summary>
    public static NpyHeader Parse(string text)
    {
        var reader = new LiteralReader(text);
        var fields = new Dictionary<string, object>(StringComparer.Ordinal);
        reader.Expect('{');
        while (!reader.TryConsume('}'))
        {
            string key = reader.ReadString();
            reader.Expect(':');
            if (!fields.TryAdd(key, reader.ReadValue())) throw new FormatException($"key '{key}' appears twice");
            if (!reader.TryConsume(',')) { reader.Expect('}'); break; }
        }
        reader.ExpectEnd();
        string descr = fields.TryGetValue("descr", out object? d) ? d as string ?? throw new FormatException("'descr' is not a string (structured dtypes are not supported)") : throw new FormatException("no 'descr' key");
        bool fortran = fields.TryGetValue("fortran_order", out object? f) ? f as bool? ?? throw new FormatException("'fortran_order' is not True or False") : throw new FormatException("no 'fortran_order' key");
        int[] shape = fields.TryGetValue("shape", out object? s) ? s as int[] ?? throw new FormatException("'shape' is not a tuple of integers") : throw new FormatException("no 'shape' key");
        return new NpyHeader(descr, fortran, shape);
    }

    /// <summary>The header text numpy would write (without padding).</summary>
    public string Format()
    {
        string shape = Shape.Length == 1 ? $"({Shape[0]},)" : $"({string.Join(", ", Shape)})";
        return $"{{'descr': '{Descr}', 'fortran_order': {(FortranOrder ? "True" : "False")}, 'shape': {shape}, }}";
    }

    /// <summary>A cursor over the literal: strings, True/False and tuples of non-negative integers.</summary>
    private sealed class LiteralReader(string text)
    {
        private int _at;

        public void Expect(char c)
        {
            if (!TryConsume(c)) throw new FormatException($"expected '{c}' at offset {_at}, found {Describe()}");
        }

        public bool TryConsume(char c)
        {
            SkipSpace();
            if (_at < text.Length && text[_at] == c) { _at++; return true; }
            return false;
        }

        public void ExpectEnd()
        {
            SkipSpace();
            if (_at != text.Length) throw new FormatException($"unexpected text after the dictionary at offset {_at}");
        }

        public string ReadString()
        {
            SkipSpace();
            if (_at >= text.Length || text[_at] is not ('\'' or '"')) throw new FormatException($"expected a quoted string at offset {_at}, found {Describe()}");
            char quote = text[_at++];
            int end = text.IndexOf(quote, _at);
            if (end < 0) throw new FormatException("unterminated string");
            string value = text[_at..end];
            _at = end + 1;
            return value;
        }

        public object ReadValue()
        {
            SkipSpace();
            if (_at >= text.Length) throw new FormatException("the header ends where a value should be");
            char c = text[_at];
            if (c is '\'' or '"') return ReadString();
            if (c == '(') return ReadTuple();
            if (TryWord("True")) return true;
            if (TryWord("False")) return false;
            throw new FormatException($"unsupported value at offset {_at}: {Describe()}");
        }

        private int[] ReadTuple()
        {
            Expect('(');
            var items = new List<int>();
            while (!TryConsume(')'))
            {
                SkipSpace();
                int start = _at;
                while (_at < text.Length && char.IsAsciiDigit(text[_at])) _at++;
                // numpy may write 3L in Python 2 era files
                string digits = text[start.._at];
                if (_at < text.Length && text[_at] == 'L') _at++;
                if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int n))
                    throw new FormatException($"shape entry '{(digits.Length > 0 ? digits : Describe())}' is not a non-negative integer below 2^31");
                items.Add(n);
                if (!TryConsume(',')) { Expect(')'); break; }
            }
            return items.ToArray();
        }

        private bool TryWord(string word)
        {
            if (string.CompareOrdinal(text, _at, word, 0, word.Length) != 0) return false;
            _at += word.Length;
            return true;
        }

        private void SkipSpace()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at])) _at++;
        }

        private string Describe() => _at < text.Length ? $"'{text[_at]}'" : "the end of the header";
    }

    /// <summary>The bytes numpy writes for this header: magic, version, length, dict padded with spaces to a multiple of 64, '\n'.</summary>
    public byte[] Encode(int version)
    {
        if (version is < 1 or > 3) throw new ArgumentOutOfRangeException(nameof(version), $".npy version must be 1, 2 or 3, got {version}");
        int prefix = version == 1 ? 10 : 12;
        string dict = Format();
        int total = prefix + dict.Length + 1;
        int padded = (total + 63) / 64 * 64;
        string header = dict + new string(' ', padded - total) + "\n";
        byte[] headerBytes = (version == 3 ? Encoding.UTF8 : Encoding.ASCII).GetBytes(header);
        if (version == 1 && headerBytes.Length > ushort.MaxValue) throw new ArgumentException("header too long for .npy version 1; use version 2");
        var bytes = new byte[prefix + headerBytes.Length];
        NpyReader.Magic.CopyTo(bytes, 0);
        bytes[6] = (byte)version;
        bytes[7] = 0;
        if (version == 1) BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8, 2), (ushort)headerBytes.Length);
        else BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8, 4), (uint)headerBytes.Length);
        headerBytes.CopyTo(bytes, prefix);
        return bytes;
    }
}
